namespace SmartVillage.Gateway.IntegrationTests.Support;

/// <summary>Waits for a condition instead of sleeping a guessed time; fails naming what never happened.</summary>
public static class Eventually
{
    public static Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null) =>
        HoldsAsync(condition, () => what, within);

    /// <param name="what">Described when it times out, so the description can say how far it got.</param>
    public static async Task HoldsAsync(Func<Task<bool>> condition, Func<string> what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting until {what()}.");
            }

            await Task.Delay(50);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? within = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, within);

    public static Task HoldsAsync(Func<bool> condition, Func<string> what, TimeSpan? within = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, within);
}
