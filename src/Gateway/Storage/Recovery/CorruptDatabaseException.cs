namespace SmartVillage.Gateway.Storage.Recovery;

/// <summary>The reading database failed its integrity check or cannot be read as a database.</summary>
public sealed class CorruptDatabaseException(string message, Exception? innerException = null) : Exception(message, innerException);
