namespace SmartVillage.Plugins.Quality;

/// <summary>
/// Plausibility limits for one quantity of one sensor, from the kit file (<c>Settings</c> keys
/// <c>&lt;quantity&gt;.Min</c>, <c>.Max</c>, <c>.MaxChangePerMinute</c>, <c>.StuckAfterMinutes</c>). A reading that
/// breaks one is kept and flagged, never dropped: the consumer decides what to trust.
/// </summary>
/// <param name="Min">Lowest physically possible value; below it the reading is flagged OutOfRange.</param>
/// <param name="Max">Highest physically possible value.</param>
/// <param name="MaxChangePerMinute">Largest believable change per minute between consecutive readings (RateOfChange).</param>
/// <param name="StuckAfter">How long an exactly repeated value may last before it is flagged Stuck (a frozen ADC or a
/// dead probe repeating its last register).</param>
public sealed record QualityRule(double? Min, double? Max, double? MaxChangePerMinute, TimeSpan? StuckAfter);
