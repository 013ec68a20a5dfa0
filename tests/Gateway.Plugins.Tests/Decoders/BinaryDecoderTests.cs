using System.Text;
using Microsoft.Extensions.Configuration;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Decoders.Binary;

namespace SmartVillage.Plugins.Tests.Decoders;

public sealed class BinaryDecoderTests
{
    /// <summary>
    /// The documented DIY water-tank node (6 bytes):
    /// 0-1 battery mV u16 big-endian; 2-3 temperature centi-°C i16 little-endian (an ESP32 struct);
    /// 4 status bits: door (bit 0), tamper (bit 2), mode (bits 5-7); 5 water level cm u8, sensor 0.5 m above the tank floor.
    /// </summary>
    internal static BinaryDecoderOptions ExampleNode() => new()
    {
        Fields =
        [
            new() { Name = "battery", ByteOffset = 0, Type = "u16", Scale = 0.001, Unit = "V", Min = 2.5, Max = 4.3 },
            new() { Name = "temperature", ByteOffset = 2, Type = "i16", Endianness = "little", Scale = 0.01, Unit = "Cel", Min = -40, Max = 85 },
            new() { Name = "door", ByteOffset = 4, Type = "bits", BitOffset = 0, BitCount = 1 },
            new() { Name = "tamper", ByteOffset = 4, Type = "bits", BitOffset = 2, BitCount = 1 },
            new() { Name = "mode", ByteOffset = 4, Type = "bits", BitOffset = 5, BitCount = 3 },
            new() { Name = "water_level", ByteOffset = 5, Type = "u8", Scale = 0.01, Offset = 0.5, Unit = "m" },
        ],
    };

    /// <summary>The example node plus a little-endian float, so random payloads also reach NaN and infinity.</summary>
    internal static BinaryDecoderOptions ExampleNodeWithFloat()
    {
        var options = ExampleNode();
        options.Fields.Add(new() { Name = "flow", ByteOffset = 6, Type = "f32", Endianness = "little", Unit = "l/s" });
        return options;
    }

    [Fact]
    public void TheDocumentedExampleNodeDecodesExactly()
    {
        var decoder = new BinaryDecoder(ExampleNode());

        var result = decoder.Decode(CayenneLppDecoderTests.Hex("0E 74 D2 09 A5 FF"));

        Assert.True(result.IsSuccess, result.Rejection);
        Assert.Equal(
            [
                new Measurement("battery", "V", 3.7),
                new Measurement("temperature", "Cel", 25.14),
                new Measurement("door", "", 1),
                new Measurement("tamper", "", 1),
                new Measurement("mode", "", 5),
                new Measurement("water_level", "m", 3.05),
            ],
            result.Measurements);
    }

    [Fact]
    public void NegativeLittleEndianTemperatureIsSigned()
    {
        var result = new BinaryDecoder(ExampleNode()).Decode(CayenneLppDecoderTests.Hex("0E 74 0C FE 00 00"));

        Assert.Equal(new Measurement("temperature", "Cel", -5), result.Measurements[1]);
    }

    [Fact]
    public void AValueOutsideMinMaxIsFlaggedOutOfRangeAndStillReported()
    {
        var result = new BinaryDecoder(ExampleNode()).Decode(CayenneLppDecoderTests.Hex("09 00 D2 09 00 00"));

        Assert.Equal(new Measurement("battery", "V", 2.304, ReadingQuality.OutOfRange), result.Measurements[0]);
        Assert.Equal(ReadingQuality.Good, result.Measurements[1].Quality);
    }

    [Fact]
    public void AShortPayloadIsRejectedNamingTheFieldAndTheLengths()
    {
        var result = new BinaryDecoder(ExampleNode()).Decode(CayenneLppDecoderTests.Hex("0E 74 D2"));

        Assert.Equal("field 'temperature' (i16 at bytes 2-3) needs a payload of at least 4 bytes but it is 3 bytes", result.Rejection);
    }

    [Fact]
    public void BytesBeyondTheLastFieldAreIgnored()
    {
        var result = new BinaryDecoder(ExampleNode()).Decode(CayenneLppDecoderTests.Hex("0E 74 D2 09 A5 FF 01 02 03"));

        Assert.True(result.IsSuccess);
        Assert.Equal(6, result.Measurements.Count);
    }

    [Fact]
    public void ABitFieldCanSpanTwoBytesOfABigEndianContainer()
    {
        // Bits 6-9 of 0x0280: 0000 0010 1000 0000 -> (0x0280 >> 6) & 0xF = 0b1010.
        var options = new BinaryDecoderOptions { Fields = [new() { Name = "valve", Type = "bits", BitOffset = 6, BitCount = 4 }] };

        var result = new BinaryDecoder(options).Decode(CayenneLppDecoderTests.Hex("02 80"));

        Assert.Equal([new Measurement("valve", "", 10)], result.Measurements);
    }

    [Fact]
    public void TwentyFourAndThirtyTwoBitIntegersDecodeAtTheirExtremes()
    {
        var options = new BinaryDecoderOptions
        {
            Fields =
            [
                new() { Name = "a", ByteOffset = 0, Type = "i24" },
                new() { Name = "b", ByteOffset = 3, Type = "u32", Endianness = "little" },
                new() { Name = "c", ByteOffset = 7, Type = "i32" },
                new() { Name = "d", ByteOffset = 11, Type = "i8" },
            ],
        };

        var result = new BinaryDecoder(options).Decode(CayenneLppDecoderTests.Hex("80 00 00 FF FF FF FF 80 00 00 00 FF"));

        Assert.Equal([-8388608.0, 4294967295.0, -2147483648.0, -1.0], result.Measurements.Select(m => m.Value));
    }

    [Fact]
    public void ALittleEndianFloatDecodes()
    {
        var options = new BinaryDecoderOptions { Fields = [new() { Name = "flow", Type = "f32", Endianness = "little", Unit = "l/s" }] };

        var result = new BinaryDecoder(options).Decode(BitConverter.GetBytes(1.5f));

        Assert.Equal([new Measurement("flow", "l/s", 1.5)], result.Measurements);
    }

    [Fact]
    public void ANotANumberFloatRejectsTheFrame()
    {
        var options = new BinaryDecoderOptions { Fields = [new() { Name = "flow", Type = "f32" }] };

        var result = new BinaryDecoder(options).Decode(CayenneLppDecoderTests.Hex("7F C0 00 00"));

        Assert.Equal("field 'flow' (f32 at bytes 0-3) is NaN, not a number that can be reported", result.Rejection);
    }

    [Fact]
    public void ValidationNamesTheFieldTheKeyAndTheFix()
    {
        var options = new BinaryDecoderOptions
        {
            Fields =
            [
                new() { Name = "battery", Type = "u16" },
                new() { Name = "battery", Type = "u16", ByteOffset = -1 },
                new() { Name = "level", Type = "u17", Endianness = "middle" },
                new() { Name = "door", Type = "bits", BitOffset = 0 },
                new() { Name = "temp", Type = "i16", BitCount = 3, Min = 10, Max = 0 },
                new() { Name = "wide", Type = "bits", BitOffset = 30, BitCount = 4 },
            ],
        };

        Assert.Equal(
            [
                "Fields[1].Name: 'battery' is also the name of Fields[0]; names must be unique",
                "Fields[1].ByteOffset: -1 is negative; the first byte is 0",
                "Fields[2].Type: 'u17' is not a type; use one of u8, i8, u16, i16, u24, i24, u32, i32, f32, bits",
                "Fields[2].Endianness: 'middle' is not an endianness; use big or little",
                "Fields[3].BitOffset/BitCount: a 'bits' field needs both, e.g. BitOffset 0 and BitCount 1 for a switch",
                "Fields[4].BitOffset/BitCount: only used with Type 'bits'; remove them or change the type",
                "Fields[4].Min: 10 is above Max 0; swap them",
                "Fields[5].BitOffset: bits 30-33 do not fit in a 4-byte container; move ByteOffset forward instead",
            ],
            options.Validate());
    }

    [Fact]
    public void ValidationRejectsAnEmptyFieldList()
    {
        Assert.Equal(["Fields: no fields; describe at least one value of the payload"], new BinaryDecoderOptions().Validate());
    }

    [Fact]
    public void OverlappingFieldsAreValid()
    {
        Assert.Empty(ExampleNode().Validate());
    }

    [Fact]
    public void TheDecoderRefusesInvalidOptionsAtConstruction()
    {
        var options = new BinaryDecoderOptions { Fields = [new() { Name = "x", Type = "u17" }] };

        var error = Assert.Throws<ArgumentException>(() => new BinaryDecoder(options));
        Assert.Contains("Fields[0].Type: 'u17' is not a type", error.Message);
    }

    [Fact]
    public void OptionsBindFromKitFileJson()
    {
        const string json = """
            {
              "Decoder": {
                "Fields": [
                  { "Name": "battery", "ByteOffset": 0, "Type": "u16", "Scale": 0.001, "Unit": "V", "Min": 2.5 },
                  { "Name": "door", "ByteOffset": 2, "Type": "bits", "BitOffset": 0, "BitCount": 1 }
                ]
              }
            }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

        var options = configuration.GetSection("Decoder").Get<BinaryDecoderOptions>()!;

        Assert.Empty(options.Validate());
        Assert.Equal(
            [new Measurement("battery", "V", 3.3), new Measurement("door", "", 1)],
            new BinaryDecoder(options).Decode(CayenneLppDecoderTests.Hex("0C E4 01")).Measurements);
    }
}
