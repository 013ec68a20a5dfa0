using SmartVillage.Gateway.Upstream;

namespace SmartVillage.Gateway.Tests.Upstream;

public sealed class AckWindowTests
{
    [Fact]
    public void The_prefix_moves_only_over_contiguous_acknowledgements()
    {
        var window = new AckWindow(10);
        window.Sent(11, 20);
        window.Sent(21, 30);
        window.Sent(31, 40);

        Assert.False(window.Acknowledged(21));
        Assert.Equal(10, window.AckedPrefix);
        Assert.True(window.Acknowledged(11));
        Assert.Equal(30, window.AckedPrefix);
        Assert.True(window.Acknowledged(31));
        Assert.Equal(40, window.AckedPrefix);
        Assert.Equal(0, window.Count);
    }

    [Fact]
    public void A_message_that_would_leave_a_hole_is_refused()
    {
        var window = new AckWindow(10);

        Assert.Throws<InvalidOperationException>(() => window.Sent(12, 20));
    }
}
