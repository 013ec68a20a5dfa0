using System.Net;
using SmartVillage.Gateway.Acquisition.Nodes;
using SmartVillage.Gateway.Acquisition.WifiNodes;

namespace SmartVillage.Gateway.Configuration;

/// <summary>Checks of the wireless sections: Radio, Nodes, NetworkServer, WifiBroker.</summary>
public static partial class KitValidator
{
    /// <summary>Below this a node password is too easy to guess from the LAN (reliability.md S1/S3).</summary>
    public const int MinimumNodePasswordLength = 12;

    private static void ValidateNodes(KitOptions kit, HashSet<string> sensorIds, List<string> problems)
    {
        if (kit.Radio is { } radio)
        {
            problems.AddRange(radio.ToSx1276Options().Validate().Select(p => $"Kit:Radio:{p}"));
            if (radio.SyncWord is < 0 or > 255)
            {
                problems.Add($"Kit:Radio:SyncWord: {radio.SyncWord} is not a byte; use 0x12 for point-to-point nodes");
            }

            if (radio.SpiBus < 0 || radio.ChipSelect < 0)
            {
                problems.Add($"Kit:Radio:SpiBus/ChipSelect: {radio.SpiBus}.{radio.ChipSelect} is not an SPI device; CE0 on SPI0 is 0 and 0");
            }

            if (radio.SpiClockHz is < 100_000 or > 10_000_000)
            {
                problems.Add($"Kit:Radio:SpiClockHz: {radio.SpiClockHz} is outside 100000-10000000 (the SX1276 allows up to 10 MHz)");
            }

            if (radio.Simulation.NodeInterval < TimeSpan.FromMilliseconds(100) || radio.Simulation.CrcErrorEvery < 0 || radio.Simulation.Version is < 0 or > 255)
            {
                problems.Add("Kit:Radio:Simulation: NodeInterval must be at least 00:00:00.1, CrcErrorEvery 0 or more, Version a byte");
            }
        }

        var addresses = new Dictionary<int, string>();
        var euis = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < kit.Nodes.Count; i++)
        {
            var key = $"Kit:Nodes:{i}";
            var node = kit.Nodes[i];
            if (string.IsNullOrWhiteSpace(node.Id) || !SafeName().IsMatch(node.Id))
            {
                problems.Add($"{key}:Id: '{node.Id}' is missing or not a short name (letters, digits, '-', '_', '.')");
            }
            else if (!sensorIds.Add(node.Id))
            {
                problems.Add($"{key}:Id: '{node.Id}' is used by another sensor or node; ids must be unique");
            }

            if (node.Address is { } address)
            {
                if (address is < 1 or > 65535)
                {
                    problems.Add($"{key}:Address: {address} is not a P2P address; use 1-65535");
                }
                else if (!addresses.TryAdd(address, node.Id))
                {
                    problems.Add($"{key}:Address: {address} is also the address of node '{addresses[address]}'; addresses must be unique");
                }

                if (kit.Radio is null)
                {
                    problems.Add($"{key}:Address: set, but the kit has no Radio section; add Kit:Radio or remove the address");
                }
            }

            if (node.DevEui is { } eui)
            {
                if (eui.Length != 16 || !eui.All(char.IsAsciiHexDigit))
                {
                    problems.Add($"{key}:DevEui: '{eui}' is not 16 hex digits (e.g. 0101010101010101)");
                }
                else if (!euis.TryAdd(eui, node.Id))
                {
                    problems.Add($"{key}:DevEui: {eui} is also the EUI of node '{euis[eui]}'");
                }
            }

            if (node.ReportInterval is { } interval && interval < TimeSpan.FromSeconds(1))
            {
                problems.Add($"{key}:ReportInterval: {interval} is too short; use at least 00:00:01 or leave it out");
            }

            problems.AddRange(NodeDecoders.Validate(node).Select(p => $"{key}:{p}"));
        }

        ValidateNetworkServer(kit, problems);
        ValidateWifiBroker(kit, problems);
    }

    private static void ValidateNetworkServer(KitOptions kit, List<string> problems)
    {
        if (kit.NetworkServer is not { } server)
        {
            return;
        }

        const string key = "Kit:NetworkServer";
        if (!Enum.IsDefined(server.Kind))
        {
            problems.Add($"{key}:Kind: '{server.Kind}' is not a network server; use ChirpStackV4, ChirpStackV3 or TheThingsStackV3");
        }

        if (string.IsNullOrWhiteSpace(server.Host))
        {
            problems.Add($"{key}:Host: missing; give the network server's MQTT broker host name or address");
        }

        if (server.Port is < 1 or > 65535)
        {
            problems.Add($"{key}:Port: {server.Port} is not a TCP port; use 1-65535 (1883 plain, 8883 TLS)");
        }

        if (server.Topic is { } topic && (topic.Length == 0 || topic.Contains('\0', StringComparison.Ordinal)))
        {
            problems.Add($"{key}:Topic: '{topic}' is not a topic filter; leave it out for the default of the Kind");
        }

        if (server.Payload is not ("object" or "data"))
        {
            problems.Add($"{key}:Payload: '{server.Payload}' must be 'object' (use the server's decoded object) or 'data' (decode here)");
        }

        if (server.DefaultDecoder != NodeDecoders.CayenneLpp)
        {
            problems.Add($"{key}:DefaultDecoder: '{server.DefaultDecoder}' is not supported for unknown devices; use cayenne-lpp, or list the device in Kit:Nodes");
        }

        if (server.ReconnectMinDelay <= TimeSpan.Zero || server.ReconnectMaxDelay < server.ReconnectMinDelay)
        {
            problems.Add($"{key}:ReconnectMinDelay/ReconnectMaxDelay: need 0 < min <= max");
        }

        if (server.CaCertificateFile is { Length: > 0 } ca && (!server.Tls || !File.Exists(ca)))
        {
            problems.Add($"{key}:CaCertificateFile: '{ca}' needs Tls true and an existing file");
        }
    }

    private static void ValidateWifiBroker(KitOptions kit, List<string> problems)
    {
        if (kit.WifiBroker is not { Enabled: true } broker)
        {
            return;
        }

        const string key = "Kit:WifiBroker";
        if (!IPAddress.TryParse(broker.ListenAddress, out _))
        {
            problems.Add($"{key}:ListenAddress: '{broker.ListenAddress}' is not an IP address; give the gateway's address on the nodes' Wi-Fi, e.g. 192.168.4.1");
        }

        if (broker.Port is < 1 or > 65535)
        {
            problems.Add($"{key}:Port: {broker.Port} is not a TCP port; use 1-65535");
        }

        var nodeIds = kit.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var usernames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < broker.Nodes.Count; i++)
        {
            var at = $"{key}:Nodes:{i}";
            var node = broker.Nodes[i];
            if (!nodeIds.Contains(node.Node))
            {
                problems.Add($"{at}:Node: '{node.Node}' is not the id of an entry in Kit:Nodes; add the node there first");
            }

            if (string.IsNullOrWhiteSpace(node.Username))
            {
                problems.Add($"{at}:Username: missing; give each Wi-Fi node its own username");
            }
            else if (!usernames.Add(node.Username))
            {
                problems.Add($"{at}:Username: '{node.Username}' is used by another Wi-Fi node; usernames must be unique");
            }

            // The password itself never appears in a message: only what is wrong with it.
            if (node.Password is null || node.Password.Length < MinimumNodePasswordLength)
            {
                problems.Add($"{at}:Password: missing or shorter than {MinimumNodePasswordLength} characters; generate one per node (e.g. openssl rand -base64 18)");
            }

            if (string.IsNullOrWhiteSpace(node.Topic) || node.Topic.Contains('\0', StringComparison.Ordinal))
            {
                problems.Add($"{at}:Topic: missing; give the topic the node publishes to, e.g. tele/pump-1/SENSOR");
            }

            if (!Enum.IsDefined(node.Format))
            {
                problems.Add($"{at}:Format: '{node.Format}' is not a format; use Json, Senml, Esphome or Tasmota");
            }
        }
    }
}
