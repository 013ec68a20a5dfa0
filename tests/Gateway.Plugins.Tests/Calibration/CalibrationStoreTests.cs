using SmartVillage.Plugins.Calibration;
using SmartVillage.Plugins.Tests.Support;

namespace SmartVillage.Plugins.Tests.Calibration;

public sealed class CalibrationStoreTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    private string File => _folder.File("calibrations.json");

    /// <summary>What the first, pH-only version wrote: no Kind, no Validation, points without times.</summary>
    [Fact]
    public void A_file_in_the_first_ph_only_format_is_read_as_ph_records()
    {
        System.IO.File.WriteAllText(File, """
            [
              {
                "Id": "tank-ph@20260501T090000Z",
                "SensorId": "tank-ph",
                "CalibratedAt": "2026-05-01T09:00:00\u002B00:00",
                "BufferSet": "technical",
                "Points": [ { "BufferPh": 4.01, "Millivolts": 177.1, "TemperatureCelsius": 24.8 }, { "BufferPh": 7, "Millivolts": 8.2, "TemperatureCelsius": 24.9 } ],
                "Acid": { "OffsetMillivolts": 8.2, "SlopePercent": 97.9 },
                "Alkaline": { "OffsetMillivolts": 8.2, "SlopePercent": 97.9 },
                "SplitPh": 7,
                "Note": "electrode SN 1234"
              }
            ]
            """);

        var record = new CalibrationStore(File).Latest<PhCalibration>("tank-ph");

        Assert.NotNull(record);
        Assert.Equal(CalibrationKind.Ph, record.Kind);
        Assert.Equal(97.9, record.Acid.SlopePercent);
        Assert.Equal("electrode SN 1234", record.Note);
        Assert.Null(record.Points[0].At);
        Assert.Empty(record.Validation);
    }

    [Fact]
    public void Ph_and_ec_records_are_read_back_with_their_kind_and_every_field()
    {
        var ph = PhRecord("tank-ph", At);
        var ec = new EcCalibration
        {
            Id = "tank-ec@20260601T120500Z",
            SensorId = "tank-ec",
            CalibratedAt = At.AddMinutes(5),
            Points = [new EcCalibrationPoint(1413, 1.732, 24.2) { At = At.AddMinutes(4) }],
            CellConstant = 1.081,
            Validation = ["cell constant 1.081 is within 0.5-2"],
        };
        var store = new CalibrationStore(File);
        store.Add(ph);
        store.Add(ec);

        var reopened = new CalibrationStore(File);

        Assert.Equal(CalibrationKind.Ph, reopened.Latest("tank-ph")!.Kind);
        Assert.Equal(ph.Points, reopened.Latest<PhCalibration>("tank-ph")!.Points);
        var back = reopened.Latest<EcCalibration>("tank-ec")!;
        Assert.Equal(1.081, back.CellConstant);
        Assert.Equal(ec.Points, back.Points);
        Assert.Equal(ec.Validation, back.Validation);
        Assert.Contains("\"Kind\": \"ec\"", System.IO.File.ReadAllText(File), StringComparison.Ordinal);
    }

    [Fact]
    public void The_newest_calibration_of_a_sensor_is_the_one_in_force_and_history_keeps_them_all()
    {
        var store = new CalibrationStore(File);
        store.Add(PhRecord("tank-ph", At));
        store.Add(PhRecord("tank-ph", At.AddDays(30)));
        store.Add(PhRecord("well-ph", At.AddDays(31)));

        Assert.Equal(At.AddDays(30), store.Latest("tank-ph")!.CalibratedAt);
        Assert.Equal([At, At.AddDays(30)], store.History("tank-ph").Select(r => r.CalibratedAt));
        Assert.True(store.Contains(CalibrationRecord.NewId("well-ph", At.AddDays(31))));
    }

    [Fact]
    public void A_record_of_a_kind_this_gateway_does_not_know_stops_the_store_naming_it()
    {
        System.IO.File.WriteAllText(File, """[ { "Kind": "orp", "Id": "x", "SensorId": "tank-orp", "CalibratedAt": "2026-05-01T09:00:00Z" } ]""");

        var error = Assert.Throws<CalibrationStoreException>(() => new CalibrationStore(File));

        Assert.Contains("record 0 has kind 'orp'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_file_stops_the_store_naming_the_file()
    {
        System.IO.File.WriteAllText(File, "[ { \"Id\": ");

        var error = Assert.Throws<CalibrationStoreException>(() => new CalibrationStore(File));

        Assert.Contains(File, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_file_opened_twice_through_the_same_files_is_one_store()
    {
        var files = new CalibrationFiles(_folder.Path);

        Assert.Same(files.Open(null), files.Open("calibrations.json"));
        Assert.Equal(File, files.Open(null).Path);
    }

    private static PhCalibration PhRecord(string sensor, DateTimeOffset at) => new()
    {
        Id = CalibrationRecord.NewId(sensor, at),
        SensorId = sensor,
        CalibratedAt = at,
        BufferSet = "technical",
        Points = [new PhCalibrationPoint(7, 8.1, 25) { At = at }],
        Acid = new PhSegment(8.1, 100),
        Alkaline = new PhSegment(8.1, 100),
    };

    public void Dispose() => _folder.Dispose();
}
