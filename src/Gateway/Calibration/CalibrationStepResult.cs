using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Gateway.Calibration;

/// <summary>What a session operation gave: the session after it, or why it was refused (with an HTTP status).</summary>
public sealed record CalibrationStepResult(CalibrationSessionView? Session, CalibrationStepProblem? Problem)
{
    public static CalibrationStepResult Done(CalibrationSessionView session) => new(session, null);

    public static CalibrationStepResult Refused(int status, CalibrationRefusal reason) => new(null, new CalibrationStepProblem(status, reason));

    public static CalibrationStepResult Refused(int status, string code, string message, params (string Name, string Value)[] values) =>
        Refused(status, CalibrationRefusal.Of(code, message, values));
}

/// <summary>A refused step: the HTTP status it maps to (400 bad request, 404 unknown, 409 not now) and the reason.</summary>
public sealed record CalibrationStepProblem(int Status, CalibrationRefusal Reason);
