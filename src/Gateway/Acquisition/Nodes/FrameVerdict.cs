namespace SmartVillage.Gateway.Acquisition.Nodes;

/// <summary>What the frame counter says about a frame from a node.</summary>
public enum FrameVerdict
{
    /// <summary>Newer than anything seen (or the node has no counter): store it.</summary>
    New,

    /// <summary>The counter fell back near zero: the node restarted. Stored, and counted as a restart.</summary>
    Restart,

    /// <summary>The same counter as the last frame: a repeat (radio echo, MQTT redelivery). Dropped and counted.</summary>
    Duplicate,

    /// <summary>An older counter that is not a restart: a replay or badly late frame. Dropped and counted.</summary>
    Replay,
}
