// Registers every VM class whose instances can be part of VM state (for snapshots).

import {
  PyInstance, PyFloat, PyIntSubclass, PyStrSubclass, PyList, PyTuple, PyBytes, PyRange, PySlice,
  PyType,
} from './objects';
import { PyDict, PySet, PyFrozenSet } from './dict';
import {
  PyFunction, PyCell, PyCode, PyBoundMethod, PyProperty, PyClassMethod, PyStaticMethod, PySuper,
  PyModule, PyGenerator, PyMappingProxy, PyMemberDescr,
} from './function';
import { PyBaseException, PyTraceback } from './exceptions';
import {
  PyListIterator, PyListReverseIterator, PyTupleIterator, PyArrayIterator, PyRangeIterator,
  PyStrIterator, PyDictIterator, PySetIterator,
} from './iterators';
import { PySeqIterator } from './natives';
import { registerClass } from './types';
import { NativeFrameStart, NativeCall, SyscallRequest } from './frame';

const classes: [string, abstract new (...args: never[]) => object][] = [
  ['PyInstance', PyInstance], ['PyFloat', PyFloat], ['PyIntSubclass', PyIntSubclass],
  ['PyStrSubclass', PyStrSubclass], ['PyList', PyList], ['PyTuple', PyTuple], ['PyBytes', PyBytes],
  ['PyRange', PyRange], ['PySlice', PySlice], ['PyType', PyType], ['PyDict', PyDict], ['PySet', PySet],
  ['PyFrozenSet', PyFrozenSet], ['PyFunction', PyFunction], ['PyCell', PyCell], ['PyCode', PyCode],
  ['PyBoundMethod', PyBoundMethod], ['PyProperty', PyProperty], ['PyClassMethod', PyClassMethod],
  ['PyStaticMethod', PyStaticMethod], ['PySuper', PySuper], ['PyModule', PyModule],
  ['PyGenerator', PyGenerator], ['PyMappingProxy', PyMappingProxy], ['PyBaseException', PyBaseException],
  ['PyTraceback', PyTraceback], ['PyListIterator', PyListIterator],
  ['PyListReverseIterator', PyListReverseIterator], ['PyTupleIterator', PyTupleIterator],
  ['PyArrayIterator', PyArrayIterator], ['PyRangeIterator', PyRangeIterator],
  ['PyStrIterator', PyStrIterator], ['PyDictIterator', PyDictIterator], ['PySetIterator', PySetIterator],
  ['PySeqIterator', PySeqIterator], ['NativeFrameStart', NativeFrameStart], ['NativeCall', NativeCall],
  ['SyscallRequest', SyscallRequest], ['PyMemberDescr', PyMemberDescr],
];
for (const [name, c] of classes) registerClass(name, c);
