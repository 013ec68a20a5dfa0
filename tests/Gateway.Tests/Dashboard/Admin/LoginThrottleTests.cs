using System.Net;
using Microsoft.Extensions.Time.Testing;
using SmartVillage.Gateway.Dashboard.Admin;

namespace SmartVillage.Gateway.Tests.Dashboard.Admin;

public sealed class LoginThrottleTests
{
    private static readonly IPAddress Phone = IPAddress.Parse("192.168.4.20");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch.AddYears(56));

    [Fact]
    public void A_client_may_try_at_once_before_any_failure()
    {
        Assert.Equal(TimeSpan.Zero, new LoginThrottle(_time).WaitFor(Phone));
    }

    [Fact]
    public void Each_wrong_attempt_doubles_the_wait()
    {
        var throttle = new LoginThrottle(_time);

        var waits = Enumerable.Range(0, 4).Select(_ =>
        {
            throttle.Failed(Phone);
            var wait = throttle.WaitFor(Phone);
            _time.Advance(wait);
            return wait.TotalSeconds;
        }).ToList();

        Assert.Equal([1.0, 2.0, 4.0, 8.0], waits);
    }

    [Fact]
    public void The_wait_never_exceeds_five_minutes()
    {
        var throttle = new LoginThrottle(_time);

        for (var i = 0; i < 40; i++)
        {
            throttle.Failed(Phone);
        }

        Assert.Equal(TimeSpan.FromMinutes(5), throttle.WaitFor(Phone));
    }

    [Fact]
    public void A_right_password_clears_the_wait()
    {
        var throttle = new LoginThrottle(_time);
        throttle.Failed(Phone);
        throttle.Failed(Phone);

        throttle.Succeeded(Phone);

        Assert.Equal(TimeSpan.Zero, throttle.WaitFor(Phone));
    }

    [Fact]
    public void One_client_guessing_does_not_slow_another()
    {
        var throttle = new LoginThrottle(_time);
        throttle.Failed(Phone);

        Assert.Equal(TimeSpan.Zero, throttle.WaitFor(IPAddress.Parse("192.168.4.21")));
    }
}
