namespace SmartVillage.Plugins.Tests.Decoders;

/// <summary>
/// A minimal Cayenne LPP encoder, as node firmware would write frames: native values × multiplier, rounded,
/// two's complement, big-endian. It lives in the test project so the decoder is checked against a second,
/// independent reading of the format. It also records the field boundaries, which truncation tests need.
/// </summary>
internal sealed class CayenneLppTestEncoder
{
    private readonly List<byte> _bytes = [];
    private readonly List<int> _boundaries = [];

    /// <summary>Byte offsets where a field ends (a prefix of that length is itself a valid frame).</summary>
    public IReadOnlyList<int> FieldEnds => _boundaries;

    public CayenneLppTestEncoder Add(byte channel, LppTestType type, params double[] nativeValues)
    {
        if (nativeValues.Length != type.Components.Length)
        {
            throw new ArgumentException($"{type.Name} takes {type.Components.Length} values", nameof(nativeValues));
        }

        _bytes.Add(channel);
        _bytes.Add(type.Id);
        for (var i = 0; i < nativeValues.Length; i++)
        {
            var component = type.Components[i];
            var raw = (long)Math.Round(nativeValues[i] * component.Multiplier);
            var bits = component.Size * 8;
            var min = component.Signed ? -(1L << (bits - 1)) : 0;
            var max = component.Signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
            if (raw < min || raw > max)
            {
                throw new ArgumentOutOfRangeException(nameof(nativeValues), nativeValues[i], $"does not fit {type.Name}");
            }

            var unsigned = (ulong)raw & ((1UL << bits) - 1);
            for (var b = component.Size - 1; b >= 0; b--)
            {
                _bytes.Add((byte)(unsigned >> (8 * b)));
            }
        }

        _boundaries.Add(_bytes.Count);
        return this;
    }

    public byte[] ToArray() => [.. _bytes];
}
