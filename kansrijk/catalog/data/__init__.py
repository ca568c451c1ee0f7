"""Data files of the catalogue app (catalogue.yaml); a package so that wheels include them."""
