namespace SmartVillage.Gateway.Dashboard;

/// <summary>What a tile tells the farmer: shown with a colour, an icon shape and a word, never colour alone.</summary>
public enum TileState
{
    /// <summary>No thresholds for this quantity, or the value is flagged as unusable.</summary>
    Unknown,
    Good,
    Watch,
    Act,
}
