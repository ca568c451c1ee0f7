"""kansrijk: the Lerende Lokale Monitor Kansrijke Start."""
