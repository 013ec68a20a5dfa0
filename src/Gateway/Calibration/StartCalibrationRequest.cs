namespace SmartVillage.Gateway.Calibration;

/// <summary>
/// What to calibrate and with what. pH: <see cref="BufferSet"/> (<c>technical</c> 4.01/7.00/10.01 or <c>nist</c>
/// 4.00/6.86/9.18; default the set holding <see cref="Buffers"/>, else technical) and <see cref="Buffers"/> (1-3 of the
/// set; default all three). EC: <see cref="Standards"/> (1-2 solutions, µS/cm at 25 °C; default 1413).
/// </summary>
public sealed record StartCalibrationRequest(
    string? Sensor, string? BufferSet = null, IReadOnlyList<double>? Buffers = null, IReadOnlyList<double>? Standards = null, string? Note = null);

/// <summary>Record a point: <see cref="Reference"/> is the buffer or standard the probe is in; default the next one planned.</summary>
public sealed record RecordPointRequest(double? Reference = null);
