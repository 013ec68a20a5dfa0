using SmartVillage.Plugins.Decoders.CayenneLpp;

namespace SmartVillage.Plugins.Tests.Decoders;

public sealed class CayenneLppRoundTripTests
{
    [Fact]
    public void RandomFramesOfEveryTypeRoundTripThroughTheTestEncoder()
    {
        var random = new Random(20261124);
        var decoder = new CayenneLppDecoder();
        for (var frame = 0; frame < 2_000; frame++)
        {
            var encoder = new CayenneLppTestEncoder();
            var expected = new List<(string Quantity, string Unit, double Value)>();
            var fields = random.Next(1, 6);
            for (var f = 0; f < fields; f++)
            {
                var type = LppTestType.All[random.Next(LppTestType.All.Count)];
                var channel = (byte)random.Next(256);
                var values = type.Components.Select(c => RandomRepresentable(random, c)).ToArray();
                encoder.Add(channel, type, values);
                for (var i = 0; i < values.Length; i++)
                {
                    var c = type.Components[i];
                    var name = c.Axis is null ? $"{type.Name}_{channel}" : $"{type.Name}_{c.Axis}_{channel}";
                    expected.Add((name, c.Unit, values[i] * c.SenmlFactor));
                }
            }

            var bytes = encoder.ToArray();
            var result = decoder.Decode(bytes);

            Assert.True(result.IsSuccess, $"{Convert.ToHexString(bytes)}: {result.Rejection}");
            Assert.Equal(expected.Count, result.Measurements.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                var actual = result.Measurements[i];
                Assert.Equal(expected[i].Quantity, actual.Quantity);
                Assert.Equal(expected[i].Unit, actual.Unit);
                var tolerance = 1e-9 * Math.Max(1, Math.Abs(expected[i].Value));
                Assert.True(
                    Math.Abs(expected[i].Value - actual.Value) <= tolerance,
                    $"{Convert.ToHexString(bytes)} {actual.Quantity}: expected {expected[i].Value}, got {actual.Value}");
            }
        }
    }

    /// <summary>A native value whose encoding is exact: a random raw integer in range, divided by the multiplier.</summary>
    private static double RandomRepresentable(Random random, LppTestComponent component)
    {
        var bits = component.Size * 8;
        var min = component.Signed ? -(1L << (bits - 1)) : 0;
        var max = component.Signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
        return random.NextInt64(min, max + 1) / component.Multiplier;
    }
}
