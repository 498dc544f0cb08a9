namespace MarketRules.IntegrationTests;
public class PlaceholderTests { }
