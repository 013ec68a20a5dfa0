namespace SmartVillage.Gateway.Acquisition.WifiNodes;

/// <summary>What a Wi-Fi node publishes, per topic.</summary>
public enum WifiPayloadFormat
{
    /// <summary>A JSON object of numbers, nested objects flattened: <c>{"temperature":21.5,"soil":{"vwc":0.31}}</c>.</summary>
    Json,

    /// <summary>SenML JSON (RFC 8428): an array of records with <c>n</c>, <c>u</c>, <c>v</c>/<c>vb</c>, <c>t</c> and base fields.</summary>
    Senml,

    /// <summary>ESPHome MQTT: one plain number per topic, <c>&lt;prefix&gt;/sensor/&lt;name&gt;/state</c>; the quantity is &lt;name&gt;.</summary>
    Esphome,

    /// <summary>Tasmota telemetry: <c>tele/&lt;device&gt;/SENSOR</c> with <c>{"Time":..,"BME280":{"Temperature":..},"TempUnit":"C"}</c>.</summary>
    Tasmota,
}
