namespace SmartVillage.Gateway.Upstream;

/// <summary>The link to an upstream went away (its readings wait in the store and are resent).</summary>
public sealed class UpstreamDisconnectedException(string message) : Exception(message);

/// <summary>The upstream refused something we sent or our connection (bad credentials, not authorised, payload refused).</summary>
public sealed class UpstreamRejectedException(string message) : Exception(message);
