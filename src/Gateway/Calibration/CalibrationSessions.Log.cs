namespace SmartVillage.Gateway.Calibration;

public sealed partial class CalibrationSessions
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Calibration of {SensorId} started (session {SessionId}; {Plan}); its readings are flagged Calibrating until it ends")]
    private static partial void LogStarted(ILogger logger, string sensorId, string sessionId, string plan);

    [LoggerMessage(Level = LogLevel.Information, Message = "Calibration of {SensorId} (session {SessionId}): point {Reference} recorded at {Raw} {RawUnit}, {Celsius:0.0} °C")]
    private static partial void LogPoint(ILogger logger, string sensorId, string sessionId, double reference, double raw, string rawUnit, double celsius);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calibration of {SensorId} (session {SessionId}) refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string sensorId, string sessionId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calibration {CalibrationId} applied to {SensorId} (session {SessionId}); the sensor uses it from its next reading")]
    private static partial void LogApplied(ILogger logger, string sensorId, string sessionId, string calibrationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Calibration of {SensorId} cancelled (session {SessionId}); nothing was changed")]
    private static partial void LogCancelled(ILogger logger, string sensorId, string sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calibration of {SensorId} expired after {Timeout} without a step (session {SessionId}); nothing was changed")]
    private static partial void LogExpired(ILogger logger, string sensorId, string sessionId, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Calibration of {SensorId} could not be stored in {Path}: {Error}")]
    private static partial void LogStoreFailed(ILogger logger, string sensorId, string path, string error);
}
