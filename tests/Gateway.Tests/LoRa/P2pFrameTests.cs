using SmartVillage.Gateway.Acquisition.LoRa;

namespace SmartVillage.Gateway.Tests.LoRa;

public sealed class P2pFrameTests
{
    [Fact]
    public void The_documented_example_is_node_7_frame_42_with_its_payload_after_the_header()
    {
        var frame = P2pFrame.TryParse(Convert.FromHexString("0007002A03670110"), out _)!.Value;

        Assert.Equal((7, 42), (frame.Address, frame.Counter));
        Assert.Equal(Convert.FromHexString("03670110"), frame.Payload.ToArray());
    }

    [Fact]
    public void Building_then_parsing_gives_back_the_same_frame()
    {
        var bytes = P2pFrame.Build(65535, 65535, [0x01, 0x02]);

        var frame = P2pFrame.TryParse(bytes, out _)!.Value;

        Assert.Equal((65535, 65535), (frame.Address, frame.Counter));
    }

    [Theory]
    [InlineData("", "too short")]
    [InlineData("00070001", "too short")]
    [InlineData("0000000103", "address 0")]
    public void A_packet_that_cannot_be_a_frame_is_refused_with_a_reason(string hex, string reason)
    {
        Assert.Null(P2pFrame.TryParse(Convert.FromHexString(hex), out var why));
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }
}
