import { render } from 'react-dom';
import { DevHostApp } from './app.js';
import './dev-host.css';

render(<DevHostApp />, document.getElementById('root'));
