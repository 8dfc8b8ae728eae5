"""geostmt's dataset-wide work on an existing engine beyond one process: Dask
(:mod:`geostmt.engines.dask`, extra ``geostmt[dask]``) and Spark (:mod:`geostmt.engines.spark`,
extra ``geostmt[spark]``).

The engines are thin glue: the check of one partition (:mod:`geostmt.partitions`) and the
dataset checks over id and reference rows (:mod:`geostmt.integrity`) are plain functions in the
lower layers; an engine maps the first over partitions and runs the second as joins.
"""
