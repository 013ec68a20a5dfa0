using System.Globalization;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Plugins.Decoders.CayenneLpp;

/// <summary>
/// Decodes Cayenne Low Power Payload frames: repeated <c>[channel:1][type:1][data:N]</c>, data big-endian,
/// N fixed by the type (project domain reference, domain.md §2.6).
/// </summary>
/// <remarks>
/// <para>
/// <b>Quantity names.</b> TTN's convention <c>{type}_{channel}</c>, e.g. <c>temperature_3</c>, with the channel in
/// decimal. Multi-value types put the axis between: <c>{type}_{axis}_{channel}</c>, e.g. <c>accelerometer_x_2</c>,
/// <c>gps_latitude_1</c>, because a <see cref="Measurement"/> holds one number and TTN's nested objects
/// (<c>accelerometer_2.x</c>) would need a <c>.</c> that reads like a SenML base-name separator. Type names and axes are
/// lower-case ASCII with <c>_</c>, so every quantity is SenML-name-safe. Values are in SenML units (see the type table).
/// </para>
/// <para>
/// <b>Rejections.</b> Empty payload; an unknown type (its length is unknown, so nothing after it can be found);
/// a frame that ends inside a field. Each reason gives the byte offset. Unlike some libraries we do not drop a short
/// tail silently: a truncated frame usually means a radio or firmware fault the operator should see.
/// </para>
/// </remarks>
public sealed class CayenneLppDecoder : IPayloadDecoder
{
    private readonly CayenneLppType?[] _types;

    /// <param name="options">Extended type configuration; null means the defaults.</param>
    /// <exception cref="ArgumentException">The options fail <see cref="CayenneLppOptions.Validate"/>: a configuration bug, caught at start.</exception>
    public CayenneLppDecoder(CayenneLppOptions? options = null)
    {
        options ??= new CayenneLppOptions();
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "Invalid Cayenne LPP options: " + string.Join("; ", problems), nameof(options));
        }

        _types = CayenneLppTypeTable.Build(options);
    }

    public DecodeResult Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return DecodeResult.Reject(
                "empty payload: a Cayenne LPP frame needs at least one [channel][type][data] field");
        }

        var measurements = new List<Measurement>();
        var index = 0;
        while (index < payload.Length)
        {
            var channel = payload[index];
            if (index + 1 >= payload.Length)
            {
                return DecodeResult.Reject(
                    $"byte {index + 1}: frame of {payload.Length} bytes ends after channel {channel} with no type byte");
            }

            var typeId = payload[index + 1];
            if (_types[typeId] is not { } type)
            {
                return DecodeResult.Reject(
                    $"byte {index + 1}: unknown Cayenne LPP type 0x{typeId:X2} on channel {channel}; " +
                    "the rest of the frame cannot be parsed");
            }

            var dataStart = index + 2;
            var remaining = payload.Length - dataStart;
            if (remaining < type.DataSize)
            {
                return DecodeResult.Reject(
                    $"byte {dataStart}: {type.Name} (0x{typeId:X2}) on channel {channel} needs {type.DataSize} data bytes " +
                    $"but the {payload.Length}-byte frame has only {remaining} left");
            }

            var position = dataStart;
            foreach (var component in type.Components)
            {
                var raw = ByteFields.ReadInteger(payload.Slice(position, component.Size), bigEndian: true, component.Signed);
                measurements.Add(new Measurement(
                    QuantityName(type.Name, component.Axis, channel),
                    component.Unit,
                    Scaling.Apply(raw, component.Scale)));
                position += component.Size;
            }

            index = position;
        }

        return DecodeResult.Success(measurements);
    }

    private static string QuantityName(string typeName, string? axis, byte channel)
    {
        var ch = channel.ToString(CultureInfo.InvariantCulture);
        return axis is null ? $"{typeName}_{ch}" : $"{typeName}_{axis}_{ch}";
    }
}
