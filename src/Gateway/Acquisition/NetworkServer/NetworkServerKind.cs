namespace SmartVillage.Gateway.Acquisition.NetworkServer;

/// <summary>Which LoRaWAN network server's MQTT integration the gateway subscribes to.</summary>
public enum NetworkServerKind
{
    /// <summary>ChirpStack v4: topic <c>application/+/device/+/event/up</c>.</summary>
    ChirpStackV4,

    /// <summary>ChirpStack v3: topic <c>application/+/device/+/event/up</c>; fields <c>devEUI</c>, <c>objectJSON</c>.</summary>
    ChirpStackV3,

    /// <summary>The Things Stack v3 (TTN): topic <c>v3/+/devices/+/up</c>.</summary>
    TheThingsStackV3,
}
