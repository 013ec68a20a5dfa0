namespace SmartVillage.Gateway.Calibration;

/// <summary>Where a calibration session is. Only <see cref="Measuring"/> and <see cref="Computed"/> are open.</summary>
public enum CalibrationSessionState
{
    /// <summary>Points are being recorded.</summary>
    Measuring,

    /// <summary>Every point is recorded and the result computed (accepted or refused); points may still be retaken.</summary>
    Computed,

    /// <summary>The calibration was stored; the sensor uses it.</summary>
    Applied,

    /// <summary>The operator stopped; nothing was stored.</summary>
    Cancelled,

    /// <summary>No step for <see cref="CalibrationOptions.SessionTimeout"/>; nothing was stored.</summary>
    Expired,
}
