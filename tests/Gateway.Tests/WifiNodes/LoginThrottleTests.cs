using Microsoft.Extensions.Time.Testing;
using SmartVillage.Gateway.Acquisition.WifiNodes;

namespace SmartVillage.Gateway.Tests.WifiNodes;

public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_few_wrong_passwords_do_not_block_an_address()
    {
        var throttle = new LoginThrottle(_time);
        for (var i = 0; i < LoginThrottle.FreeFailures; i++)
        {
            throttle.Failed("192.168.4.20");
        }

        Assert.False(throttle.IsBlocked("192.168.4.20"));
    }

    [Fact]
    public void Repeated_wrong_passwords_block_the_address_for_a_while_then_let_it_try_again()
    {
        var throttle = new LoginThrottle(_time);
        for (var i = 0; i <= LoginThrottle.FreeFailures; i++)
        {
            throttle.Failed("192.168.4.20");
        }

        Assert.True(throttle.IsBlocked("192.168.4.20"));
        Assert.False(throttle.IsBlocked("192.168.4.21"));
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.False(throttle.IsBlocked("192.168.4.20"));
    }

    [Fact]
    public void The_block_never_exceeds_its_cap()
    {
        var throttle = new LoginThrottle(_time);
        for (var i = 0; i < 100; i++)
        {
            throttle.Failed("10.0.0.9");
        }

        _time.Advance(LoginThrottle.MaxBlock + TimeSpan.FromSeconds(1));

        Assert.False(throttle.IsBlocked("10.0.0.9"));
    }

    [Fact]
    public void A_good_login_clears_the_failures()
    {
        var throttle = new LoginThrottle(_time);
        for (var i = 0; i < LoginThrottle.FreeFailures; i++)
        {
            throttle.Failed("10.0.0.9");
        }

        throttle.Succeeded("10.0.0.9");
        throttle.Failed("10.0.0.9");

        Assert.False(throttle.IsBlocked("10.0.0.9"));
    }
}
