namespace SmartVillage.Gateway.Storage.Schema;

/// <summary>One schema step: its number (never reused) and the SQL it runs.</summary>
internal sealed record Migration(int Number, string Sql);
