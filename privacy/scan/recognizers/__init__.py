"""scan/recognizers"""
