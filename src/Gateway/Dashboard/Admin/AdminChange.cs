namespace SmartVillage.Gateway.Dashboard.Admin;

/// <summary>
/// One change an admin made: when, from which address and session, which setting (<c>threshold</c>,
/// <c>sensor</c>, <c>name</c>, <c>viewing</c>, <c>password</c>, with <c>-reset</c> for a return to the kit file),
/// of what (<c>temperature</c>, <c>weather</c>) and the values before and after. Never a secret.
/// </summary>
public sealed record AdminChange(DateTimeOffset At, string Client, string Session, string Setting, string? Subject, string Detail);
