"""guidekit: the check logic, data helpers and command line of Asioi digitaalisesti.

Everything here runs without MkDocs; the MkDocs side (hooks/ and i18n_plugin.py)
only calls into it.
"""
