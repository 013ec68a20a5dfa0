using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Gateway.Calibration;

/// <summary>A stored (or computed) calibration as the API shows it: every kind in one shape, with its kind's result.</summary>
public sealed record CalibrationRecordView(
    string Id,
    string Sensor,
    string Kind,
    DateTimeOffset CalibratedAt,
    string? Note,
    IReadOnlyList<CalibrationPoint> Points,
    PhResultView? Ph,
    EcResultView? Ec,
    IReadOnlyList<string> Validation)
{
    public static CalibrationRecordView From(CalibrationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new CalibrationRecordView(
            record.Id,
            record.SensorId,
            KindName(record.Kind),
            record.CalibratedAt,
            record.Note,
            record.ReferencePoints,
            record is PhCalibration ph ? new PhResultView(ph.BufferSet, ph.Acid, ph.Alkaline, ph.SplitPh) : null,
            record is EcCalibration ec ? new EcResultView(ec.CellConstant) : null,
            record.Validation);
    }

    /// <summary><c>ph</c> or <c>ec</c>, as the API and the command line write kinds.</summary>
    public static string KindName(CalibrationKind kind) => kind == CalibrationKind.Ph ? "ph" : "ec";
}

/// <summary>A pH calibration's result: one segment used on both sides of 7, or an acid and an alkaline one meeting at <see cref="SplitPh"/>.</summary>
public sealed record PhResultView(string BufferSet, PhSegment Acid, PhSegment Alkaline, double SplitPh);

/// <summary>An EC calibration's result.</summary>
public sealed record EcResultView(double CellConstant);
