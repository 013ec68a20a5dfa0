namespace SmartVillage.Gateway.Storage.Acknowledgements;

/// <summary>Sequence numbers <see cref="First"/> to <see cref="Last"/>, both included.</summary>
public readonly record struct SequenceSpan
{
    public SequenceSpan(long first, long last)
    {
        if (last < first)
        {
            throw new ArgumentOutOfRangeException(nameof(last), $"A span cannot end ({last}) before it starts ({first}).");
        }

        First = first;
        Last = last;
    }

    public long First { get; }

    public long Last { get; }

    public long Count => Last - First + 1;

    public override string ToString() => First == Last ? $"{First}" : $"{First}-{Last}";
}
