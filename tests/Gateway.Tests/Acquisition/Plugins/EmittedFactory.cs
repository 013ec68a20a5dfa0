namespace SmartVillage.Gateway.Tests.Acquisition.Plugins;

/// <summary>What a factory class emitted into a test plugin assembly does.</summary>
/// <param name="ClassName">Full name of the class, e.g. <c>Vendor.ProbeFactory</c>.</param>
/// <param name="SensorType">What its <c>Type</c> property returns.</param>
internal sealed record EmittedFactory(string ClassName, string SensorType)
{
    /// <summary>When set, the constructor throws an InvalidOperationException with this message.</summary>
    public string? ConstructorThrows { get; init; }

    /// <summary>When set, Validate throws a FormatException with this message.</summary>
    public string? ValidateThrows { get; init; }

    /// <summary>False: the only constructor takes an int, so the gateway cannot create the factory.</summary>
    public bool ParameterlessConstructor { get; init; } = true;

    /// <summary>True: Create returns null instead of a sensor.</summary>
    public bool CreatesNothing { get; init; }

    /// <summary>A base class from another assembly (to make a dependency the plugin folder lacks).</summary>
    public Type? BaseType { get; init; }
}
