namespace SmartVillage.Gateway.Storage;

/// <summary>Readings could not be committed (disk full, I/O error, store shut down): they were not accepted.</summary>
public sealed class StoreWriteException : Exception
{
    public StoreWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
