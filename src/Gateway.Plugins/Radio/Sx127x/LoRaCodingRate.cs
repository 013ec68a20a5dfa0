namespace SmartVillage.Plugins.Radio.Sx127x;

/// <summary>Forward error correction rate; the value is the RegModemConfig1 CodingRate field (denominator - 4).</summary>
public enum LoRaCodingRate
{
    FourFifths = 1,
    FourSixths = 2,
    FourSevenths = 3,
    FourEighths = 4,
}
