namespace SmartVillage.Plugins.Calibration;

/// <summary>
/// Why a calibration (or a step of one) was refused: a stable <see cref="Code"/> a dashboard translates, the
/// <see cref="Values"/> its sentence needs (invariant-culture numbers), and the same sentence in English.
/// </summary>
/// <param name="Code">Kebab-case, e.g. <c>slope</c>, <c>board-range</c>.</param>
/// <param name="Message">For the operator and the log, e.g. "electrode slope 70.0 % of Nernst is outside 85-105 %: ...".</param>
/// <param name="Values">Named parts of the message, e.g. <c>slope=70.0</c>, <c>min=85</c>.</param>
public sealed record CalibrationRefusal(string Code, string Message, IReadOnlyDictionary<string, string> Values)
{
    public static CalibrationRefusal Of(string code, string message, params (string Name, string Value)[] values) =>
        new(code, message, values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));

    public override string ToString() => Message;
}
