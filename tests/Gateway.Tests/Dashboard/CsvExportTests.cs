using SmartVillage.Gateway.Dashboard;
using SmartVillage.Gateway.Readings;
using SmartVillage.Plugins.Abstractions;

namespace SmartVillage.Gateway.Tests.Dashboard;

public sealed class CsvExportTests
{
    private static readonly TimeZoneInfo Nairobi = TimeZoneInfo.CreateCustomTimeZone("test+3", TimeSpan.FromHours(3), "test+3", "test+3");
    private static readonly DateTimeOffset Noon = new(2026, 5, 1, 12, 0, 0, 250, TimeSpan.Zero);

    [Fact]
    public void The_header_names_the_columns_in_order()
    {
        Assert.Equal("sequence,sensor,quantity,value,unit,time_utc,time_local,quality,calibration_id", CsvExport.Header);
    }

    [Fact]
    public void A_row_holds_one_reading_with_UTC_and_local_time_and_an_empty_calibration_id()
    {
        var csv = new CsvExport(Nairobi);

        var row = csv.Row(new StoredReading(42, "field-1", "soil-vwc", "/", 0.215, ReadingQuality.Good, Noon));

        Assert.Equal("42,field-1,soil-vwc,0.215,/,2026-05-01T12:00:00.250Z,2026-05-01T15:00:00.250+03:00,,\r\n", row);
    }

    [Fact]
    public void Values_use_a_dot_and_keep_every_digit()
    {
        var csv = new CsvExport(TimeZoneInfo.Utc);

        var row = csv.Row(new StoredReading(1, "w", "pressure", "Pa", 101325.123456789, ReadingQuality.Good, Noon));

        Assert.Equal("101325.123456789", row.Split(',')[3]);
    }

    [Fact]
    public void Quality_flags_are_joined_by_a_bar()
    {
        var csv = new CsvExport(TimeZoneInfo.Utc);

        var row = csv.Row(new StoredReading(1, "w", "temperature", "Cel", 1, ReadingQuality.Simulated | ReadingQuality.ClockUntrusted, Noon));

        Assert.Equal("clock-untrusted|simulated", row.Split(',')[7]);
    }

    [Fact]
    public void A_sensor_name_with_a_comma_or_quote_is_quoted()
    {
        var csv = new CsvExport(TimeZoneInfo.Utc);

        var row = csv.Row(new StoredReading(1, "well \"north\", 2", "ph", "pH", 7, ReadingQuality.Good, Noon));

        Assert.StartsWith("1,\"well \"\"north\"\", 2\",ph,", row, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_a_spreadsheet_would_run_as_a_formula_is_neutralised()
    {
        var csv = new CsvExport(TimeZoneInfo.Utc);

        var row = csv.Row(new StoredReading(1, "=HYPERLINK(1)", "ph", "pH", 7, ReadingQuality.Good, Noon));

        Assert.StartsWith("1,'=HYPERLINK(1),ph,", row, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_encoding_is_UTF8_with_a_byte_order_mark()
    {
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, CsvExport.Encoding.GetPreamble());
    }
}
