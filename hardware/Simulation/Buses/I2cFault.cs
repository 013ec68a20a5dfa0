namespace SmartVillage.Hardware.Simulation.Buses;

/// <summary>Something wrong with one device on a simulated bus, switched on by a test.</summary>
public enum I2cFault
{
    /// <summary>The device answers normally.</summary>
    None,

    /// <summary>
    /// The device never acknowledges its address (unplugged, wrong address, dead): every transfer fails with an
    /// <see cref="IOException"/>, as the Linux i2c-dev driver reports a NACK.
    /// </summary>
    Nack,

    /// <summary>
    /// The device acknowledges but every byte read is 0xFF, what a master sees when the device stops driving SDA
    /// and the pull-ups win (brown-out, latch-up). Writes are accepted and lost.
    /// </summary>
    CorruptData,

    /// <summary>
    /// The device holds SCL low (a stuck slave after a brown-out): the adapter gives up after its timeout and every
    /// transfer fails with an <see cref="IOException"/> naming the timeout, as i2c-dev reports ETIMEDOUT.
    /// </summary>
    Timeout,
}
