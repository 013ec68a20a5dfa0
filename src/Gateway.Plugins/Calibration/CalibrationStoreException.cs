namespace SmartVillage.Plugins.Calibration;

/// <summary>The calibration file is damaged: the gateway must not guess calibrations, so it refuses to start.</summary>
public sealed class CalibrationStoreException : Exception
{
    public CalibrationStoreException()
    {
    }

    public CalibrationStoreException(string message)
        : base(message)
    {
    }

    public CalibrationStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
