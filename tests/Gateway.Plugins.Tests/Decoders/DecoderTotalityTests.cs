using SmartVillage.Plugins.Decoders;
using SmartVillage.Plugins.Decoders.Binary;
using SmartVillage.Plugins.Decoders.CayenneLpp;

namespace SmartVillage.Plugins.Tests.Decoders;

/// <summary>
/// Decoders are total: whatever arrives over the radio gives a success or a rejection, never an exception.
/// Seeded, so a failure reproduces; the failing payload is in the assertion message.
/// </summary>
public sealed class DecoderTotalityTests
{
    private const int Samples = 100_000;

    /// <summary>RFC 8428 §4.5.1 name characters, restated here rather than borrowed from src.</summary>
    private const string SenmlSafeName = "^[A-Za-z0-9][A-Za-z0-9:./_-]*$";

    public static TheoryData<string> DecoderNames => ["lpp-default", "lpp-plusplus", "lpp-no-extended", "binary"];

    [Theory]
    [MemberData(nameof(DecoderNames))]
    public void RandomByteStringsAlwaysGiveASuccessOrARejection(string decoderName)
    {
        var decoder = Create(decoderName);
        var random = new Random(4242);
        var buffer = new byte[64];
        for (var i = 0; i < Samples; i++)
        {
            var payload = buffer.AsSpan(0, random.Next(0, 65));
            random.NextBytes(payload);

            DecodeResult result;
            try
            {
                result = decoder.Decode(payload);
            }
            catch (Exception e)
            {
                Assert.Fail($"{decoderName} threw on {Convert.ToHexString(payload)}: {e}");
                throw; // unreachable: Assert.Fail throws
            }

            AssertWellFormed(result, payload);
        }
    }

    [Fact]
    public void EveryTruncationOfAValidLppFrameIsRejectedUnlessItEndsOnAFieldBoundary()
    {
        var random = new Random(77);
        var decoder = new CayenneLppDecoder();
        for (var frame = 0; frame < 500; frame++)
        {
            var encoder = new CayenneLppTestEncoder();
            for (var f = random.Next(1, 6); f > 0; f--)
            {
                var type = LppTestType.All[random.Next(LppTestType.All.Count)];
                encoder.Add((byte)random.Next(256), type, [.. type.Components.Select(_ => 0.0)]);
            }

            var bytes = encoder.ToArray();
            for (var length = 0; length <= bytes.Length; length++)
            {
                var prefix = bytes.AsSpan(0, length);
                var result = decoder.Decode(prefix);

                AssertWellFormed(result, prefix);
                Assert.True(
                    result.IsSuccess == encoder.FieldEnds.Contains(length),
                    $"{Convert.ToHexString(prefix)}: {result}");
            }
        }
    }

    [Fact]
    public void EveryTruncationOfAValidBinaryFrameIsRejected()
    {
        var decoder = new BinaryDecoder(BinaryDecoderTests.ExampleNode());
        var frame = CayenneLppDecoderTests.Hex("0E 74 D2 09 05 FF");

        Assert.True(decoder.Decode(frame).IsSuccess);
        for (var length = 0; length < frame.Length; length++)
        {
            var result = decoder.Decode(frame.AsSpan(0, length));

            Assert.False(result.IsSuccess, $"length {length}: {result}");
            Assert.Contains("needs a payload of at least", result.Rejection);
        }
    }

    private static void AssertWellFormed(DecodeResult result, ReadOnlySpan<byte> payload)
    {
        Assert.NotNull(result);
        if (result.IsSuccess)
        {
            Assert.Null(result.Rejection);
            var hex = Convert.ToHexString(payload);
            Assert.All(result.Measurements, m => Assert.True(double.IsFinite(m.Value), $"{hex}: {m}"));
            Assert.All(result.Measurements, m => Assert.Matches(SenmlSafeName, m.Quantity));
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Rejection));
            Assert.Empty(result.Measurements);
        }
    }

    private static IPayloadDecoder Create(string name) => name switch
    {
        "lpp-default" => new CayenneLppDecoder(),
        "lpp-plusplus" => new CayenneLppDecoder(new CayenneLppOptions
        {
            ExtendedTypes = [new CayenneLppTypeOptions { Id = 0x87, Name = "soil_moisture", Size = 2, Scale = 0.1, Unit = "/" }],
        }),
        "lpp-no-extended" => new CayenneLppDecoder(new CayenneLppOptions { IncludeDefaultExtendedTypes = false }),
        "binary" => new BinaryDecoder(BinaryDecoderTests.ExampleNodeWithFloat()),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such decoder in this test"),
    };
}
