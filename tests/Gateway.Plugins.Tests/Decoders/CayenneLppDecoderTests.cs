using System.Text;
using Microsoft.Extensions.Configuration;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Decoders;
using SmartVillage.Plugins.Decoders.CayenneLpp;

namespace SmartVillage.Plugins.Tests.Decoders;

public sealed class CayenneLppDecoderTests
{
    private readonly CayenneLppDecoder _decoder = new();

    [Fact]
    public void TheTtnWorkedExampleDecodesToTwoTemperaturesExactly()
    {
        // TTN documentation: 03 67 01 10 05 67 00 FF -> temperature_3 = 27.2, temperature_5 = 25.5.
        var result = _decoder.Decode(Hex("03 67 01 10 05 67 00 FF"));

        Assert.True(result.IsSuccess, result.Rejection);
        Assert.Equal(
            [new Measurement("temperature_3", "Cel", 27.2), new Measurement("temperature_5", "Cel", 25.5)],
            result.Measurements);
    }

    [Fact]
    public void HumidityIsDecodedInHalfPercentSteps()
    {
        var result = _decoder.Decode(Hex("01 68 61")); // 97 * 0.5

        Assert.Equal([new Measurement("humidity_1", "%RH", 48.5)], result.Measurements);
    }

    [Fact]
    public void BarometerTenthsOfHectopascalAreReportedInPascal()
    {
        var result = _decoder.Decode(Hex("06 73 27 7F")); // 10111 * 0.1 hPa = 1011.1 hPa

        Assert.Equal([new Measurement("pressure_6", "Pa", 101110)], result.Measurements);
    }

    [Fact]
    public void GpsWithNegativeLatitudeAndLongitudeDecodesAllThreeValues()
    {
        // Buenos Aires: -34.6037, -58.3816, 25.00 m; 24-bit two's complement.
        var result = _decoder.Decode(Hex("01 88 FA B8 4B F7 17 78 00 09 C4"));

        Assert.Equal(
            [
                new Measurement("gps_latitude_1", "lat", -34.6037),
                new Measurement("gps_longitude_1", "lon", -58.3816),
                new Measurement("gps_altitude_1", "m", 25),
            ],
            result.Measurements);
    }

    [Fact]
    public void AccelerometerNegativeAxisIsSignedAndConvertedToMetresPerSecondSquared()
    {
        // TTN example: x = 1.234 g, y = -1.234 g, z = 0.
        var result = _decoder.Decode(Hex("06 71 04 D2 FB 2E 00 00"));

        Assert.Equal(["accelerometer_x_6", "accelerometer_y_6", "accelerometer_z_6"], result.Measurements.Select(m => m.Quantity));
        Assert.All(result.Measurements, m => Assert.Equal("m/s2", m.Unit));
        Assert.Equal(1.234 * 9.80665, result.Measurements[0].Value, 9);
        Assert.Equal(-1.234 * 9.80665, result.Measurements[1].Value, 9);
        Assert.Equal(0, result.Measurements[2].Value);
    }

    [Fact]
    public void AnalogInputIsSignedHundredths()
    {
        var result = _decoder.Decode(Hex("05 02 FE 0C")); // -500

        Assert.Equal([new Measurement("analog_in_5", "", -5)], result.Measurements);
    }

    [Fact]
    public void ExtendedVoltageTypeIsDecodedByDefault()
    {
        var result = _decoder.Decode(Hex("07 74 01 4A")); // 330 * 0.01 V

        Assert.Equal([new Measurement("voltage_7", "V", 3.3)], result.Measurements);
    }

    [Fact]
    public void PercentageIsReportedAsARatio()
    {
        var result = _decoder.Decode(Hex("02 78 4B")); // 75 %

        Assert.Equal([new Measurement("percentage_2", "/", 0.75)], result.Measurements);
    }

    [Fact]
    public void TypeOx87IsRejectedWhenNoForkIsConfigured()
    {
        var result = _decoder.Decode(Hex("04 87 2D"));

        Assert.False(result.IsSuccess);
        Assert.Equal("byte 1: unknown Cayenne LPP type 0x87 on channel 4; the rest of the frame cannot be parsed", result.Rejection);
    }

    [Fact]
    public void TypeOx87DecodesAsSoilMoistureWhenTheKitMapsItLikeLppPlusPlus()
    {
        // The layout (1 byte, whole percent, as a 0-1 ratio) is this kit's configuration, not a claim about LPP++ itself.
        var decoder = new CayenneLppDecoder(new CayenneLppOptions
        {
            ExtendedTypes = [new CayenneLppTypeOptions { Id = 0x87, Name = "soil_moisture", Size = 1, Scale = 0.01, Unit = "/" }],
        });

        var result = decoder.Decode(Hex("04 87 2D 03 67 00 FF"));

        Assert.Equal(
            [new Measurement("soil_moisture_4", "/", 0.45), new Measurement("temperature_3", "Cel", 25.5)],
            result.Measurements);
    }

    [Fact]
    public void LppPlusPlusSoilMoistureAtOx8AInHalfPercentStepsDecodesWhenConfigured()
    {
        // davidvasicek/CayenneLPPplus (decoder.js and the current header) defines soil moisture as type 138 = 0x8A,
        // 1 byte, 0.5 % unsigned; an older header used 137. domain.md §2.6 says 0x87. The decoder is agnostic: the kit
        // file names the id its nodes' firmware really uses. Here 0.5 % = 0.005 of the ratio unit.
        var decoder = new CayenneLppDecoder(new CayenneLppOptions
        {
            ExtendedTypes = [new CayenneLppTypeOptions { Id = 0x8A, Name = "soil_moisture", Size = 1, Scale = 0.005, Unit = "/" }],
        });

        var result = decoder.Decode(Hex("02 8A 55")); // 85 * 0.5 % = 42.5 %

        Assert.Equal([new Measurement("soil_moisture_2", "/", 0.425)], result.Measurements);
    }

    [Fact]
    public void OptionsBindFromKitFileJson()
    {
        const string json = """
            { "Lpp": { "IncludeDefaultExtendedTypes": false,
                       "ExtendedTypes": [ { "Id": 135, "Name": "soil_moisture", "Size": 1, "Scale": 0.01, "Unit": "/" } ] } }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

        var options = configuration.GetSection("Lpp").Get<CayenneLppOptions>()!;

        Assert.Empty(options.Validate());
        Assert.False(options.IncludeDefaultExtendedTypes);
        Assert.Equal([new Measurement("soil_moisture_4", "/", 0.45)], new CayenneLppDecoder(options).Decode(Hex("04 87 2D")).Measurements);
    }

    [Fact]
    public void AConfiguredTypeReplacesADefaultExtendedTypeWithTheSameId()
    {
        var decoder = new CayenneLppDecoder(new CayenneLppOptions
        {
            ExtendedTypes = [new CayenneLppTypeOptions { Id = 0x8E, Name = "valve", Size = 2, Unit = "" }],
        });

        var result = decoder.Decode(Hex("01 8E 00 01"));

        Assert.Equal([new Measurement("valve_1", "", 1)], result.Measurements);
    }

    [Fact]
    public void DefaultExtendedTypesCanBeSwitchedOff()
    {
        var decoder = new CayenneLppDecoder(new CayenneLppOptions { IncludeDefaultExtendedTypes = false });

        Assert.False(decoder.Decode(Hex("07 74 01 4A")).IsSuccess);
        Assert.True(decoder.Decode(Hex("03 67 01 10")).IsSuccess);
    }

    [Fact]
    public void AnUnknownTypeLaterInTheFrameIsRejectedWithItsOffsetAndChannel()
    {
        var result = _decoder.Decode(Hex("03 67 01 10 01 68 61 04 99 00"));

        Assert.Equal("byte 8: unknown Cayenne LPP type 0x99 on channel 4; the rest of the frame cannot be parsed", result.Rejection);
    }

    [Fact]
    public void AFrameEndingInsideAFieldIsRejectedWithTheOffsetOfTheMissingData()
    {
        var result = _decoder.Decode(Hex("03 67 01 10 05 67 00"));

        Assert.False(result.IsSuccess);
        Assert.StartsWith("byte 6: temperature (0x67) on channel 5 needs 2 data bytes", result.Rejection);
        Assert.Contains("has only 1 left", result.Rejection);
    }

    [Fact]
    public void AFrameEndingAfterAChannelByteIsRejectedWithTheOffsetOfTheMissingType()
    {
        var result = _decoder.Decode(Hex("03 67 01 10 05"));

        Assert.StartsWith("byte 5: ", result.Rejection);
        Assert.Contains("no type byte", result.Rejection);
    }

    [Fact]
    public void AnEmptyPayloadIsRejected()
    {
        var result = _decoder.Decode([]);

        Assert.False(result.IsSuccess);
        Assert.Empty(result.Measurements);
        Assert.StartsWith("empty payload", result.Rejection);
    }

    [Fact]
    public void ValidationNamesEveryBadExtendedTypeEntry()
    {
        var options = new CayenneLppOptions
        {
            ExtendedTypes =
            [
                new CayenneLppTypeOptions { Id = 0x67, Name = "my_temp", Size = 2 },
                new CayenneLppTypeOptions { Id = 0x87, Name = "soil moisture", Size = 5, Scale = 0 },
                new CayenneLppTypeOptions { Id = 0x87, Name = "colour", Size = 3 },
                new CayenneLppTypeOptions { Id = 300, Name = "x", Size = 1 },
            ],
        };

        var problems = options.Validate();

        Assert.Equal(
            [
                "ExtendedTypes[0].Id: 0x67 is a standard Cayenne LPP type and cannot be redefined",
                "ExtendedTypes[1].Name: 'soil moisture' is not a SenML-safe name; use A-Z a-z 0-9 and - : . / _, starting with a letter or digit",
                "ExtendedTypes[1].Size: 5 bytes is not supported; use 1-4",
                "ExtendedTypes[1].Scale: 0 must be a finite, non-zero number",
                "ExtendedTypes[2].Id: 0x87 is also defined by ExtendedTypes[1]; each id once",
                "ExtendedTypes[3].Id: 300 is not a byte; use 0-255",
            ],
            problems);
    }

    [Fact]
    public void TheDecoderRefusesInvalidOptionsAtConstruction()
    {
        var options = new CayenneLppOptions { ExtendedTypes = [new CayenneLppTypeOptions { Id = 0x87, Name = "", Size = 1 }] };

        var error = Assert.Throws<ArgumentException>(() => new CayenneLppDecoder(options));
        Assert.Contains("ExtendedTypes[0].Name", error.Message);
    }

    internal static byte[] Hex(string text) => Convert.FromHexString(text.Replace(" ", "", StringComparison.Ordinal));
}
