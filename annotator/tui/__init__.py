"""The terminal screens. Importing them first tells rich how wide a terminal draws spacing
combining marks (``core.cell_widths``), so that every widget measures Hindi as it is drawn."""

from annotator.core.cell_widths import measure_spacing_marks_as_drawn

measure_spacing_marks_as_drawn()
