using SmartVillage.Plugins.Decoders;
using SmartVillage.Plugins.Decoders.Binary;
using SmartVillage.Plugins.Decoders.CayenneLpp;

namespace SmartVillage.Gateway.Acquisition.Nodes;

/// <summary>Names of the payload decoders a node may use, and how each is built from the node's options.</summary>
public static class NodeDecoders
{
    public const string CayenneLpp = "cayenne-lpp";
    public const string Binary = "binary";

    public static IReadOnlyList<string> Names { get; } = [CayenneLpp, Binary];

    /// <summary>Problems with the node's decoder settings, each starting with the key inside the node; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(NodeOptions node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Decoder switch
        {
            CayenneLpp => (node.Lpp?.Validate() ?? []).Select(p => $"Lpp:{p}").ToList(),
            Binary when node.Binary is null => ["Binary: missing; a binary decoder needs its Fields (see docs/lora-and-wireless-nodes.md)"],
            Binary => node.Binary.Validate().Select(p => $"Binary:{p}").ToList(),
            _ => [$"Decoder: '{node.Decoder}' is not a decoder; use {string.Join(" or ", Names)}"],
        };
    }

    /// <summary>Builds the decoder; call only for a node that passed <see cref="Validate"/>.</summary>
    public static IPayloadDecoder Create(NodeOptions node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Decoder == Binary
            ? new BinaryDecoder(node.Binary ?? throw new ArgumentException("binary decoder without Binary options", nameof(node)))
            : new CayenneLppDecoder(node.Lpp);
    }
}
