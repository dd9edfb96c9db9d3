namespace OrleansCrm.Testing;

/// <summary>An explicit wait: checks a condition on a short period until it holds or the deadline passes. Never a bare sleep.</summary>
public static class Eventually
{
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var period = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        var last = await probe();
        while (!done(last))
        {
            if (!await period.WaitForNextTickAsync(CancellationToken.None) || deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"The condition did not hold within {timeout}; last value: {last}");
            }

            last = await probe();
        }

        return last;
    }
}
