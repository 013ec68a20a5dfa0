namespace SmartVillage.Gateway.Tests.NetworkServer;

/// <summary>
/// Uplink JSON as the network servers publish it (shapes and field names from the project's domain notes §2.5,
/// constructed from ChirpStack's UplinkEvent protobuf and The Things Stack's data-format documentation).
/// The payload <c>A2cBEAVnAP8=</c> is Cayenne LPP <c>03 67 01 10 05 67 00 FF</c>: 27.2 °C on channel 3, 25.5 °C on 5.
/// </summary>
public static class UplinkSamples
{
    public const string ChirpStackV4 = """
        {"deduplicationId":"3ac7e3c4-4401-4b8d-9386-a5c902f9202d","time":"2026-03-01T06:12:30Z",
         "deviceInfo":{"tenantName":"Coop A","applicationId":"17c82e96-be03-4f38-aef3-f83d48582d97","applicationName":"soil",
           "deviceProfileName":"cayenne","deviceName":"plot-7","devEui":"0101010101010101","tags":{}},
         "devAddr":"00189440","adr":true,"dr":5,"fCnt":42,"fPort":2,"confirmed":false,
         "data":"A2cBEAVnAP8=","object":{"temperatureSensor":{"3":27.2,"5":25.5}},
         "rxInfo":[{"gatewayId":"0016c001f153a14c","uplinkId":7895,"rssi":-52,"snr":13.75,"channel":1},
                   {"gatewayId":"0016c001f153a14d","uplinkId":7896,"rssi":-98,"snr":2.5,"channel":1}],
         "txInfo":{"frequency":868300000,"modulation":{"lora":{"bandwidth":125000,"spreadingFactor":7,"codeRate":"CR_4_5"}}}}
        """;

    /// <summary>ChirpStack v3 (protobuf JSON marshaler): devEUI as base64 of its 8 bytes, decoded object in objectJSON.</summary>
    public const string ChirpStackV3 = """
        {"applicationID":"1","applicationName":"soil","deviceName":"plot-9","devEUI":"AgICAgICAgI=",
         "rxInfo":[{"gatewayID":"ABbAAfFToUw=","time":"2026-03-01T07:00:05Z","rssi":-61,"loRaSNR":9}],
         "txInfo":{"frequency":868100000,"loRaModulationInfo":{"bandwidth":125,"spreadingFactor":7,"codeRate":"4/5"}},
         "adr":true,"dr":5,"fCnt":7,"fPort":2,"data":"A2cBEAVnAP8=","objectJSON":"{\"humiditySensor\":{\"1\":55}}"}
        """;

    /// <summary>The Things Stack v3: f_cnt and zero fields omitted when zero; no decoded_payload (no formatter).</summary>
    public const string TheThingsStackV3 = """
        {"end_device_ids":{"device_id":"eui-a8404194a1875ff3","application_ids":{"application_id":"app1"},
          "dev_eui":"A8404194A1875FF3","join_eui":"0000000000000000","dev_addr":"260BE6BF"},
         "correlation_ids":["as:up:01H3CFEBDC9K1MZ6SDN8W7A8JB"],"received_at":"2026-03-01T14:34:32.869Z",
         "uplink_message":{"session_key_id":"AYjVr0dcvWXkMnsVbJ3H5A==","f_port":2,"f_cnt":23709,"frm_payload":"A2cBEAVnAP8=",
          "rx_metadata":[{"gateway_ids":{"gateway_id":"eui-a84041ffff24a438","eui":"A84041FFFF24A438"},
             "time":"2026-03-01T14:34:32.600Z","timestamp":1010590159,"rssi":-42,"channel_rssi":-42,"snr":5.8,"channel_index":5}],
          "settings":{"data_rate":{"lora":{"bandwidth":125000,"spreading_factor":12,"coding_rate":"4/5"}},"frequency":"867500000"},
          "received_at":"2026-03-01T14:34:32.700Z","consumed_airtime":"1.482752s","network_ids":{"net_id":"000013","tenant_id":"ttn"}}}
        """;
}
