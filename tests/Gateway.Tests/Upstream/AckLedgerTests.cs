using SmartVillage.Gateway.Storage.Acknowledgements;
using SmartVillage.Gateway.Upstream;

namespace SmartVillage.Gateway.Tests.Upstream;

public sealed class AckLedgerTests
{
    [Fact]
    public void Acknowledgements_in_any_order_record_exactly_the_spans_acknowledged()
    {
        var ledger = new AckLedger(SequenceSet.Of([new(1, 10)]));
        ledger.Sent(new(91, 100));
        ledger.Sent(new(81, 90));
        ledger.Sent(new(11, 20));

        ledger.Acknowledged(new(81, 90));
        ledger.Acknowledged(new(11, 20));

        Assert.Equal([new SequenceSpan(1, 20), new SequenceSpan(81, 90)], ledger.Acked.Spans);
        Assert.Equal(20, ledger.Acked.Prefix);
        Assert.Equal(1, ledger.InFlight);
    }

    [Fact]
    public void What_was_in_flight_when_the_connection_was_lost_is_uncovered_again()
    {
        var ledger = new AckLedger(new SequenceSet());
        ledger.Sent(new(1, 10));
        ledger.Sent(new(11, 20));
        ledger.Acknowledged(new(11, 20));

        ledger.ConnectionLost();

        Assert.Equal([new SequenceSpan(11, 20)], ledger.Covered.Spans);
        Assert.Equal(0, ledger.InFlight);
    }

    [Fact]
    public void Sending_what_is_already_covered_is_refused()
    {
        var ledger = new AckLedger(SequenceSet.Of([new(1, 10)]));
        ledger.Sent(new(11, 20));

        Assert.Throws<InvalidOperationException>(() => ledger.Sent(new(10, 12)));
        Assert.Throws<InvalidOperationException>(() => ledger.Sent(new(15, 15)));
        Assert.Throws<InvalidOperationException>(() => ledger.Acknowledged(new(21, 30)));
    }
}
