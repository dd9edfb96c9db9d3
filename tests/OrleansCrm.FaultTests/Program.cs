using OrleansCrm.FaultTests;

// The fault-injection suite (README "Running a cluster" → "Fault injection"). Needs root (network namespaces,
// pg_createcluster) and a built solution. Bounded: --seconds of faults, then at most a few minutes of settling and checks.
//   dotnet run --project tests/OrleansCrm.FaultTests -- [--short] [--seconds 600] [--orders 3000] [--trial-ends 2000]
//       [--leads 20000] [--agents 8] [--order-clients 16] [--kill-every 10] [--kills N] [--partition 30]
//       [--bookers 3] [--booking-leads 1000] [--logs DIR]
// Exit code 0 when every check held, 1 when one failed, 2 when the cluster could not be started.
var options = FaultOptions.Parse(args);
return await FaultRun.RunAsync(options);
