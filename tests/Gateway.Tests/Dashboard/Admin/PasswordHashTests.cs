using SmartVillage.Gateway.Dashboard.Admin;

namespace SmartVillage.Gateway.Tests.Dashboard.Admin;

public sealed class PasswordHashTests
{
    [Fact]
    public void The_right_password_verifies()
    {
        var stored = PasswordHash.Create("correct horse battery", iterations: 1000);

        Assert.True(PasswordHash.Verify("correct horse battery", stored));
    }

    [Fact]
    public void A_wrong_password_does_not_verify()
    {
        var stored = PasswordHash.Create("correct horse battery", iterations: 1000);

        Assert.False(PasswordHash.Verify("correct horse batterY", stored));
    }

    [Fact]
    public void The_same_password_hashes_differently_each_time_because_of_the_salt()
    {
        Assert.NotEqual(PasswordHash.Create("same password", 1000), PasswordHash.Create("same password", 1000));
    }

    [Fact]
    public void The_hash_never_contains_the_password()
    {
        Assert.DoesNotContain("plain-secret", PasswordHash.Create("plain-secret", 1000), StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_is_a_slow_PBKDF2_hash()
    {
        Assert.StartsWith("pbkdf2-sha256$200000$", PasswordHash.Create("x"), StringComparison.Ordinal);
    }
}
