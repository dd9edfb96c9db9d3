using OrleansCrm.Contracts.Scheduling;
using Microsoft.Extensions.Time.Testing;
using OrleansCrm.Grains.Scheduling;

namespace OrleansCrm.Grains.Tests;

public sealed class CrmClockTests
{
    [Fact]
    public void The_business_clock_reads_whole_microseconds_the_precision_PostgreSQL_keeps()
    {
        var fake = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero).AddTicks(1234567));

        var now = new CrmClock(fake).GetUtcNow();

        Assert.Equal(0, now.Ticks % TimeSpan.TicksPerMicrosecond);
        Assert.Equal(fake.GetUtcNow().AddTicks(-7), now);
    }
}
