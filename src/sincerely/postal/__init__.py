"""Printed direct mail: letters, postcards and catalogues as print-ready PDF, through the guard."""
