namespace SmartVillage.Gateway.Acquisition;

public enum SensorHealthState
{
    /// <summary>Not read yet.</summary>
    Starting,

    /// <summary>The last read succeeded and its readings were stored.</summary>
    Ok,

    /// <summary>The last read failed or timed out; the sensor is being retried with backoff.</summary>
    Failing,
}
