using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.Decoders.Binary;

/// <summary>
/// Decodes a fixed-layout payload from a DIY node, as declared by <see cref="BinaryDecoderOptions"/>:
/// each field is read at its byte offset, scaled, offset, and range-checked.
/// </summary>
/// <remarks>
/// <para>
/// A payload longer than the fields need is accepted and the extra bytes ignored: nodes grow new fields at the end when
/// their firmware is updated, and an older kit file should keep decoding what it knows. A payload shorter than any field
/// needs is rejected as a whole, naming the first field that does not fit, because a short frame means the layout
/// does not match this node and the other values cannot be trusted either.
/// </para>
/// <para>
/// A value outside the field's Min/Max is reported with <see cref="ReadingQuality.OutOfRange"/>, never dropped.
/// An <c>f32</c> that is NaN or infinite rejects the frame: it cannot be stored or sent as a SenML number, and a
/// substitute value would be a sentinel pretending to be a reading.
/// </para>
/// </remarks>
public sealed class BinaryDecoder : IPayloadDecoder
{
    private readonly BinaryField[] _fields;

    /// <exception cref="ArgumentException">The options fail <see cref="BinaryDecoderOptions.Validate"/>: a configuration bug, caught at start.</exception>
    public BinaryDecoder(BinaryDecoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid binary decoder options: " + string.Join("; ", problems), nameof(options));
        }

        _fields = [.. options.Fields.Select(BinaryField.Compile)];
    }

    public DecodeResult Decode(ReadOnlySpan<byte> payload)
    {
        var measurements = new List<Measurement>(_fields.Length);
        foreach (var field in _fields)
        {
            if (payload.Length < field.End)
            {
                return DecodeResult.Reject(
                    $"field '{field.Name}' ({field.TypeName} at {Where(field)}) needs a payload of at least " +
                    $"{field.End} bytes but it is {payload.Length} bytes");
            }

            var raw = field.ReadRaw(payload);
            if (!double.IsFinite(raw))
            {
                return DecodeResult.Reject(
                    $"field '{field.Name}' (f32 at {Where(field)}) is {raw}, not a number that can be reported");
            }

            var value = Scaling.Apply(raw, field.Scale) + field.Offset;
            var quality = value < field.Min || value > field.Max ? ReadingQuality.OutOfRange : ReadingQuality.Good;
            measurements.Add(new Measurement(field.Name, field.Unit, value, quality));
        }

        return DecodeResult.Success(measurements);
    }

    private static string Where(BinaryField field) => field.Length == 1
        ? $"byte {field.ByteOffset}"
        : $"bytes {field.ByteOffset}-{field.End - 1}";
}
