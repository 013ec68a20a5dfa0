using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using SmartVillage.Gateway.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SmartVillage.Gateway.BrowserTests;

[Collection(DashboardTests.Name)]
public sealed class HistoryAndExportTests(DashboardFixture fixture)
{
    private const string Header = "sequence,sensor,quantity,value,unit,time_utc,time_local,quality,calibration_id";

    [Fact]
    public async Task A_history_chart_renders_for_a_week_of_seeded_readings()
    {
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();
        await dashboard.ShowAsync("history");

        await dashboard.Page.Locator("#history-series").SelectOptionAsync($"{SeededReadings.SoilProbe}|soil-moisture");
        await dashboard.Page.Locator("#ranges button[data-range='week']").ClickAsync();

        // Hourly buckets over 7 days: one per hour holding seeded readings (two each), about 168.
        var chart = dashboard.Page.Locator("#chart svg[data-buckets]");
        await Expect(chart).ToHaveAttributeAsync("data-buckets", new System.Text.RegularExpressions.Regex("^1[6-7][0-9]$"));
        await Expect(chart.Locator("polyline.mean")).ToHaveCountAsync(1);
        await Expect(chart.Locator("polygon.band")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_history_chart_draws_the_thresholds_in()
    {
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();
        await dashboard.ShowAsync("history");

        await dashboard.Page.Locator("#history-series").SelectOptionAsync($"{SeededReadings.SoilProbe}|soil-moisture");
        await dashboard.Page.Locator("#ranges button[data-range='week']").ClickAsync();

        // Seeded values run from about 60 % down to about 30 %: the 40 % "irrigate" line falls inside the chart.
        await Expect(dashboard.Page.Locator("#chart svg line.limit.watch")).Not.ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_CSV_download_for_the_week_has_one_row_per_reading()
    {
        await using var dashboard = await fixture.OpenAsync();
        await dashboard.OpenAsync();
        await dashboard.ShowAsync("export");
        var week = fixture.Week;
        await dashboard.Page.Locator("#export-from").FillAsync(week.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await dashboard.Page.Locator("#export-to").FillAsync(week.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var other in new[] { "weather", SeededReadings.Well })
        {
            await dashboard.Page.Locator($"#export-sensors input[value='{other}']").UncheckAsync();
        }

        var download = await dashboard.Page.RunAndWaitForDownloadAsync(() => dashboard.Page.Locator("#export-go").ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Header, lines[0]);
        var rows = lines[1..].Select(line => line.Split(',')).ToList();
        Assert.Equal(week.SoilReadings, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r[0]).Distinct().Count());
        Assert.All(rows, r => Assert.Equal(
            (9, SeededReadings.SoilProbe, "soil-moisture", "%"),
            (r.Length, r[1], r[2], r[4])));
        await Expect(dashboard.Page.Locator("#export-status")).ToHaveTextAsync($"Done: {week.SoilReadings} rows");
    }

    [Fact]
    public async Task The_CSV_times_are_UTC_and_local_for_the_same_instant()
    {
        using var http = new HttpClient { BaseAddress = fixture.Gateway.BaseAddress };
        var week = fixture.Week;
        var from = Uri.EscapeDataString(week.Start.ToString("O", CultureInfo.InvariantCulture));
        var to = Uri.EscapeDataString(week.Start.AddHours(1).ToString("O", CultureInfo.InvariantCulture));
        var csv = await http.GetStringAsync($"api/export.csv?from={from}&to={to}&sensors={SeededReadings.SoilProbe}");

        var row = csv.Split("\r\n")[1].Split(',');

        Assert.Equal(
            DateTimeOffset.Parse(row[5], CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(row[6], CultureInfo.InvariantCulture));
        Assert.Equal(week.Start, DateTimeOffset.Parse(row[5], CultureInfo.InvariantCulture));
    }
}
